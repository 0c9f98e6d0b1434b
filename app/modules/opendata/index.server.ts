// The server face of the open data module.
export {};
