# paas-bot: one process serving Slack, Teams, the playground and the probes on port 3978.
# Build: docker build -t paas-bot .   Run: docker run -p 3978:3978 --env-file .env paas-bot
# The catalog is baked in at /app/knowledge; mount your own over it (or elsewhere + KNOWLEDGE_DIR):
#   docker run -v "$PWD/knowledge:/app/knowledge:ro" -e KNOWLEDGE_WATCH=1 ...
# Node 24, the current LTS (Node 20 reached end of life on 2026-04-30), pinned to an exact release;
# the same version .ci/run tests on (NODE24_VERSION). Pin a digest too where your registry lets you
# verify one: node:24.21.0-bookworm-slim@sha256:<digest>.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# 1. Compile TypeScript to dist/ (needs the dev dependencies).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Production dependencies only.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. The runtime image: compiled code, production modules, the catalog; runs as the unprivileged `node` user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3978 \
    KNOWLEDGE_DIR=/app/knowledge
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1 (no npm wrapper), so SIGTERM reaches the server and it drains before exiting.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
