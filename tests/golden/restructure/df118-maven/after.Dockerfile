FROM maven:3.9-eclipse-temurin-21
WORKDIR /build
COPY pom.xml ./
RUN mvn dependency:go-offline -B
COPY . .
RUN mvn -B package -DskipTests
CMD ["java", "-jar", "target/app.jar"]
