FROM node:22-slim AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build
RUN npm prune --omit=dev
ENV NODE_ENV=production
USER node

FROM node:22-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
