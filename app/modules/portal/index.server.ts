// The server face of the portal module.
export {};
