// The server face of the services-catalogue module.
export {};
