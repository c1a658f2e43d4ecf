import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

// `npm start`: the client on http://localhost:5173, the API (python3 dev.py run) behind /graphql and
// the other server paths, so that the page and the API share one origin, as in production.
const api = process.env.PORTAIL_API ?? "http://localhost:8000";
const toApi = {
  target: api,
  changeOrigin: true,
  // The API refuses a POST from an origin it does not serve: the page's origin becomes the API's.
  configure: (proxy: { on: (event: "proxyReq", listener: (request: { setHeader: (name: string, value: string) => void }) => void) => void }) => {
    proxy.on("proxyReq", (request) => request.setHeader("origin", api));
  },
};

export default defineConfig({
  plugins: [vue()],
  server: {
    port: 5173,
    proxy: { "/graphql": toApi, "/files": toApi, "/media": toApi, "/payfip": toApi, "/payfip-sandbox": toApi },
  },
  build: { target: "es2022", sourcemap: false },
});
