FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /app
COPY . .
RUN mvn package -DskipTests
ENV JAVA_OPTS="-Xmx512m"

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/target/catalog.jar /app/target/catalog.jar
ENV JAVA_OPTS="-Xmx512m"
EXPOSE 8080
CMD ["java", "-jar", "target/catalog.jar"]
