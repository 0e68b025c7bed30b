# Container recipe for one dashboard replica (not built or run in this project's CI: no Docker engine
# is available there). Replicas mount one shared, read-only snapshot store at /srv/cache; a single
# scheduled job (see README, "Deployment") refreshes it.
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV BORDER_CACHE_DIR=/srv/cache \
    STREAMLIT_SERVER_HEADLESS=true
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "streamlit", "run", "dashboard/app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
