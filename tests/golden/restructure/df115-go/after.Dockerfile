FROM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api ./cmd/api

FROM gcr.io/distroless/base-debian12:nonroot
WORKDIR /src
COPY --from=build /usr/local/bin/api /usr/local/bin/api
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/api"]
USER nonroot:nonroot
