FROM composer:2.8
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --no-autoloader
COPY . .
RUN composer dump-autoload --optimize
CMD ["php", "-S", "0.0.0.0:8080", "-t", "public"]
