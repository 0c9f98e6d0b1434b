export default function F() {
  return null;
}
