FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# `npm install` rather than `npm ci`: @node-rs/jieba's per-platform package must resolve for this platform.
RUN npm install --no-audit --no-fund --omit=dev
COPY . .
USER node
CMD ["npm", "start", "--", "--role", "all"]
