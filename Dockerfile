# Parley's server with the web client, as one image. docs/deploy.md shows how to run it; the
# image's command line is tested without Docker in apps/server/test/dockerfile.test.ts.
#   docker build -t parley .
#   docker run -p 3000:3000 -v parley-data:/data parley
ARG NODE_VERSION=26

# Everything needed to build: the workspaces, their dependencies, the bundle and the web client.
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
# The desktop workspace's Electron binary is not needed to build the web client.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build:web -w @parley/desktop && npm run build -w @parley/server

# The runtime: Node.js, the bundle (dist/main.js, the migrations next to it, backup.js and
# restore.js), PGlite and sharp (loaded from their own package folders) and the built web client. No
# TypeScript loader, no dev dependencies, no sources.
FROM node:${NODE_VERSION}-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    PARLEY_DOTENV=off
COPY --from=build /app/apps/server/dist ./apps/server/dist
COPY --from=build /app/apps/desktop/out/web ./apps/desktop/out/web
COPY --from=build /app/node_modules/@electric-sql/pglite ./node_modules/@electric-sql/pglite
# sharp (thumbnails; its own semver inside it) and what it loads: its platform's native library under @img, and detect-libc.
COPY --from=build /app/node_modules/sharp ./node_modules/sharp
COPY --from=build /app/node_modules/@img ./node_modules/@img
COPY --from=build /app/node_modules/detect-libc ./node_modules/detect-libc
# The embedded database and the mail outbox live in the volume; the image's own `node` user owns it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness: /health answers while the process serves HTTP (readiness, /ready, also asks the database).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) drains and exits within 5 s.
STOPSIGNAL SIGTERM
CMD ["node", "apps/server/dist/main.js"]
