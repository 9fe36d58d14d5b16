FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
# Sources first: every edit re-installs.
COPY . .
USER node
CMD ["node", "server.js"]
