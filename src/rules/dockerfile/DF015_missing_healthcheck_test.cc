// DF015 missing-healthcheck
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF015.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF015", {
    Bad("FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n",
        "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
        "HEALTHCHECK CMD curl -fsS -o /dev/null http://localhost/ || exit 1\n"),
    Bad("from nginx:alpine\r\nexpose 8080\r\ncopy conf /etc/nginx/conf.d",
        "from nginx:alpine\r\nexpose 8080\r\ncopy conf /etc/nginx/conf.d\r\n"
        "healthcheck cmd curl -fsS -o /dev/null http://localhost:8080/ || exit 1\r\n"),
    Bad("FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n"
        "ENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"postgres\"]\n",
        "FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n"
        "HEALTHCHECK CMD [\"pg_isready\", \"-U\", \"postgres\"]\n"
        "ENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"postgres\"]\n"),
    Bad("FROM redis:7\nCOPY redis.conf /usr/local/etc/redis/\n"
        "CMD [\"redis-server\", \"/usr/local/etc/redis/redis.conf\"]\n",
        "FROM redis:7\nCOPY redis.conf /usr/local/etc/redis/\n"
        "HEALTHCHECK CMD [\"redis-cli\", \"ping\"]\n"
        "CMD [\"redis-server\", \"/usr/local/etc/redis/redis.conf\"]\n"),
    Bad("FROM mysql:8.4\nCOPY my.cnf /etc/mysql/conf.d/\n",
        "FROM mysql:8.4\nCOPY my.cnf /etc/mysql/conf.d/\n"
        "HEALTHCHECK CMD [\"mysqladmin\", \"ping\", \"-h\", \"localhost\"]\n"),
    Bad("FROM mariadb:11.4\nCOPY my.cnf /etc/mysql/conf.d/\n",
        "FROM mariadb:11.4\nCOPY my.cnf /etc/mysql/conf.d/\n"
        "HEALTHCHECK CMD [\"healthcheck.sh\", \"--connect\", \"--innodb_initialized\"]\n"),
    Bad("FROM mariadb:10.11\nCOPY my.cnf /etc/mysql/conf.d/\n",
        "FROM mariadb:10.11\nCOPY my.cnf /etc/mysql/conf.d/\n"
        "HEALTHCHECK CMD [\"mysqladmin\", \"ping\", \"-h\", \"localhost\"]\n"),
    Bad("FROM mongo:7\nCOPY init.js /docker-entrypoint-initdb.d/\n",
        "FROM mongo:7\nCOPY init.js /docker-entrypoint-initdb.d/\n"
        "HEALTHCHECK CMD [\"mongosh\", \"--quiet\", \"--eval\", \"db.adminCommand('ping')\"]\n"),
    Bad("FROM rabbitmq:3-management\nEXPOSE 5672\n",
        "FROM rabbitmq:3-management\nEXPOSE 5672\n"
        "HEALTHCHECK CMD [\"rabbitmq-diagnostics\", \"-q\", \"ping\"]\n"),
    Bad("FROM caddy:2-alpine\nCOPY Caddyfile /etc/caddy/Caddyfile\n",
        "FROM caddy:2-alpine\nCOPY Caddyfile /etc/caddy/Caddyfile\n"
        "HEALTHCHECK CMD [\"wget\", \"-q\", \"--spider\", \"http://localhost:2019/config/\"]\n"),
    // No fix: no known probe, a version without the tool, TLS only, scratch.
    Bad("FROM python:3.12\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n"),
    Bad("FROM nginx:1.13-alpine\nCOPY site/ /usr/share/nginx/html/\n"),
    Bad("FROM nginx:alpine-slim\nCOPY site/ /usr/share/nginx/html/\n"),
    Bad("FROM nginx:1.27\nEXPOSE 443\nCOPY site/ /usr/share/nginx/html/\n"),
    Bad("FROM mongo:4.4\nCOPY init.js /docker-entrypoint-initdb.d/\n"),
    Bad("FROM scratch\nCOPY app /app\nEXPOSE 8080\nENTRYPOINT [\"/app\"]\n"),
    Good("FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD [\"python\", \"manage.py\", \"migrate\"]\n"),
    Good("FROM node:22\nCOPY . /app\nWORKDIR /app\nCMD [\"npm\", \"test\"]\n"),
    Good("FROM python:3.12\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:8000/\n"),
    Good("FROM python:3.12 AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 8000\n"),
    Good("FROM debian:12\nCMD [\"bash\"]\n"),
    Good("ARG BASE=nginx\nARG TAG\nFROM $BASE:$TAG\nEXPOSE 80\n"),
    Good("FROM golang:1.23 AS build\nEXPOSE 80\nFROM alpine:3.20\nCOPY --from=build /x /x\n")});

}  // namespace
}  // namespace shipshape
