FROM node:22-slim
RUN corepack enable
WORKDIR /app
COPY package.json ./
RUN pnpm install --frozen-lockfile --prod
COPY . .
CMD ["node", "main.js"]
