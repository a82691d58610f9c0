// Vitest runs modules outside the React server graph; `server-only` would throw there.
export {};
