// The notifications service (README.md): its roles' definitions are exported here as they land.
export {};
