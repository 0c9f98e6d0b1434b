// The server face of the reports module.
export {};
