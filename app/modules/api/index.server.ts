// The server face of the API module. The API exposes only routes (see the module registry).
export {};
