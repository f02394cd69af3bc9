# One stage: install everything, compile TypeScript to dist/, drop the dev dependencies.
FROM node:20-bookworm-slim
# tini as PID 1: passes SIGTERM to node and reaps zombies (node as PID 1 does neither well).
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` rather than `npm ci`: @node-rs/jieba's per-platform package must resolve for this platform.
# Dev dependencies too (TypeScript for the build); pruned below.
RUN npm install --no-audit --no-fund
# .dockerignore keeps .env, data/, artifacts/, node_modules and .git out of the image (tests/unit/deploy.test.ts).
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && mkdir -p data && chown node:node data
ENV NODE_ENV=production
# Every interface inside the container (127.0.0.1 there is unreachable from the host); publish the port on
# the host's 127.0.0.1 behind a TLS proxy (docker-compose.yml, docs/operations.md).
ENV CONSOLE_HOST=0.0.0.0
USER node
# node directly, not `npm start`: the app itself gets the SIGTERM and finishes in-flight work.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/app/main.js", "--role", "all"]
