FROM node:22 AS build
WORKDIR /web
COPY . .
RUN npm ci && npm run build
RUN npm install -g serve

FROM nginxinc/nginx-unprivileged:1.28-alpine
COPY --from=build /web/build /usr/share/nginx/html
LABEL org.opencontainers.image.title="web"
USER 101
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
