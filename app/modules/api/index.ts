// The public face of the API module (client-safe). The API exposes only routes (see the module registry).
export {};
