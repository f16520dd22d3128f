# gsp-sandbox: a static-stdlib Swift binary on a slim Ubuntu base.
#   docker build -t gsp-sandbox .
#   docker run --rm -p 8080:8080 gsp-sandbox            # then: curl localhost:8080/_sandbox/health

# ---- build -------------------------------------------------------------------------------------
FROM swift:6.3 AS build
# libnghttp2-dev: a static link of anything that pulls in FoundationNetworking (libcurl → nghttp2)
# needs it; the design card names it for this stage.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libnghttp2-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer, so source edits do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY . .
RUN swift build -c release --static-swift-stdlib --product gsp-sandbox \
    && install -D -m 0755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/gsp-sandbox" /out/gsp-sandbox

# ---- runtime -----------------------------------------------------------------------------------
# The binary needs only glibc, libm, libstdc++ and libgcc_s, all in the base image.
FROM ubuntu:noble
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin sandbox
WORKDIR /app
COPY --from=build /out/gsp-sandbox /app/gsp-sandbox
COPY Scenarios/ /app/Scenarios/
USER sandbox
EXPOSE 8080
# serve drains in-flight requests on SIGTERM and exits 0 (docker stop waits up to 10 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/gsp-sandbox", "serve", "--host", "0.0.0.0"]
