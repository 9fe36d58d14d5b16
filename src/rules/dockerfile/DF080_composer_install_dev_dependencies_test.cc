// DF080 composer-install-dev-dependencies
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF080.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF080", {
    Bad("FROM php:8.3-fpm\nRUN composer install --optimize-autoloader\n"),
    Bad("FROM php:8.3-fpm AS app\nRUN composer install\n"),
    Good("FROM php:8.3-fpm\nRUN composer install --no-dev\n"),
    Good("FROM php:8.3-fpm AS dev\nRUN composer install\n"),
    Good("FROM php:8.3-fpm\nENV COMPOSER_NO_DEV=1\nRUN composer install\n"),
    Good("FROM php:8.3 AS build\nRUN composer install\nFROM php:8.3-fpm\nCOPY --from=build /app /app\n")});

}  // namespace
}  // namespace shipshape
