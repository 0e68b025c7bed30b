# One image for both roles (see README, "Deployment", and compose.yaml): a dashboard replica (the
# default command) or the scheduled refresh job (`deploy/refresh-daily.sh`). Not built or run in
# this project's tests: these machines have no Docker engine.
#
# The store is a folder mounted at /srv/cache (the default), or an object store named by
# BORDER_CACHE_DIR=s3://bucket/prefix with the usual AWS_* variables; then this container's own
# disk (BORDER_LOCAL_CACHE_DIR) holds checked copies of the raw files and the derived tables.
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# Only what runs: no tests, no local cache, no virtualenv.
COPY .streamlit .streamlit
COPY articles articles
COPY data_sources data_sources
COPY dashboard dashboard
COPY deploy/refresh-daily.sh deploy/refresh-daily.sh
RUN useradd --create-home --uid 10001 border && mkdir -p /srv/cache /var/cache/border \
    && chown border /srv/cache /var/cache/border
USER border
ENV BORDER_CACHE_DIR=/srv/cache \
    BORDER_LOCAL_CACHE_DIR=/var/cache/border \
    STREAMLIT_SERVER_HEADLESS=true
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "streamlit", "run", "dashboard/app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
