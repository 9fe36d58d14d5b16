// DC012 url-embedded-credentials
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC012.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC012", {
    Bad("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:s3cr3t-pw@db:5432/app\n",
        "services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:${DATABASE_PASSWORD}@db:5432/app\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n"
        "  api:\n    image: app:1\n    environment:\n      - REDIS_URL=redis://:hunter2pw@cache:6379/0\n",
        "services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n"
        "  api:\n    image: app:1\n    environment:\n      - REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379/0\n"),
    Bad("services:\n  w:\n    image: app:1\n    command: [\"worker\", \"--broker\", \"amqp://guest:rabbitpw1@mq//\"]\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:${DB_PASSWORD}@db/app\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app@db/app\n"),
    Bad("services:\n  api:\n    image: app:1\n    environment:\n      - ConnectionString=Server=sql;Database=app;User Id=sa;Password=Pass@word\n",
        "services:\n  api:\n    image: app:1\n    environment:\n      - ConnectionString=Server=sql;Database=app;User Id=sa;Password=${CONNECTIONSTRING_PASSWORD}\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://user:<password>@db/app\n"),
    Bad("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://${DB_USER}:s3cr3t-pw@db/app\n",
        "services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://${DB_USER}:${DATABASE_PASSWORD}@db/app\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: ${DATABASE_URL:-postgresql://app:devpw-123@db/app}\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      LINK: https://example.org/a:b@c\n")});

}  // namespace
}  // namespace shipshape
