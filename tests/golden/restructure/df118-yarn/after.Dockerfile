FROM node:22-slim
WORKDIR /srv
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production
COPY . .
CMD ["node", "index.js"]
