# Production image (issue 17): the compiled build run with plain node, as non-root. Not built on
# the development machines (no Docker engine there); the start-up it runs is the one the e2e tests
# exercise: `npm run build`, then `node dist/src/main.js` (web) or `… --worker` (compose.yaml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, for the layer cache; postinstall generates the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# The same flags as `npm start` (README, Operating): a 32 MB young generation, a 256 MB old one.
CMD ["node", "--max-semi-space-size=32", "--max-old-space-size=256", "dist/src/main.js"]
