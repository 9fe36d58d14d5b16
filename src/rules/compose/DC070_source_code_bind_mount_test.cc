// DC070 source-code-bind-mount
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC070.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC070", {
    Bad("services:\n  api:\n    build: ./backend\n    volumes:\n      - ./backend:/app\n"),
    Bad("services:\n  api:\n    image: a:1\n    volumes:\n      - ./backend/app:/app\n"),
    Good("services:\n  es:\n    build: ./elasticsearch\n    volumes:\n      - ./elasticsearch/config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n"),
    Bad("services:\n  web:\n    image: node:20\n    volumes:\n      - .:/usr/src/app\n"),
    Bad("services:\n  web:\n    image: python:3.12\n    volumes:\n      - type: bind\n        source: ./src\n        target: /code\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./data:/data\n"),
    Good("services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./app/init:/docker-entrypoint-initdb.d\n"),
    crules::InFile("docker-compose.dev.yml", Good("services:\n  api:\n    build: .\n    volumes:\n      - .:/app\n"))});

}  // namespace
}  // namespace shipshape
