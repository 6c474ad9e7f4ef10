# syntax=docker/dockerfile:1
# The stand-ins (DVCQG login, SMS gateways) for the compose `demo` profile only: never deploy this image.
# Build from the repository root:  docker build -f docker/standins.Dockerfile -t binhduong-keycloak-standins .
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package -pl standins -am \
 && mvn -B -q dependency:copy-dependencies -pl standins -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17.0.16_8-jre
COPY --from=build /src/standins/target/standins-1.0.0.jar /app/standins.jar
COPY --from=build /src/standins/target/lib/ /app/lib/
USER 1000
EXPOSE 8081
# Arguments: port and the DVCQG client secret the stand-in accepts (compose passes BD_DVCQG_CLIENT_SECRET).
ENTRYPOINT ["java", "-cp", "/app/standins.jar:/app/lib/*", "vn.binhduong.keycloak.standins.dvcqg.DvcqgStandInMain"]
