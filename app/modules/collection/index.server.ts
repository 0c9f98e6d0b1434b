// The server face of the data-requests module.
export {};
