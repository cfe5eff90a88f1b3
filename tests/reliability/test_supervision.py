"""`make run`'s supervision (scripts/run.sh, scripts/supervisord.conf): a crashed action server is
restarted while Rasa keeps answering, and Ctrl-C stops everything."""

import os
import secrets
import signal
import subprocess
import time

import requests

from article.ingest import ingest
from article.store import ArticleStore
from tests.conftest import ROOT
from tests.servers import free_port, new_sender, payloads, texts

CTL = [str(ROOT / ".venv" / "bin" / "supervisorctl"), "-c", str(ROOT / "scripts" / "supervisord.conf")]


def wait_until(check, timeout=240, every=1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except Exception:  # noqa: BLE001 (not up yet)
            pass
        time.sleep(every)
    return False


def pid_of(env, name):
    result = subprocess.run([*CTL, "pid", name], env=env, capture_output=True, text=True, timeout=30)
    return int(result.stdout.strip()) if result.stdout.strip().isdigit() else 0


def test_a_crashed_process_is_restarted_and_ctrl_c_stops_all(model, tmp_path, outcome):
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "MODEL": model,
        "RUN_DIR": str(tmp_path),
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "WEB_PORT": str(web_port),
        "CORS_ORIGINS": f"http://localhost:{web_port}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'assistant.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "CALLBACK_URL": "http://127.0.0.1:9/unused",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    env["RASA_API_TOKEN"] = token = secrets.token_hex(24)
    ingest(store=ArticleStore.from_url(env["DATABASE_URL"]))
    log = open(tmp_path / "run.log", "w")
    run = subprocess.Popen(
        [str(ROOT / "scripts" / "run.sh"), model], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"

    def ask(message, sender):
        return requests.post(url, json={"sender": sender, "message": message}, timeout=60).json()

    try:
        assert wait_until(
            lambda: (
                requests.get(f"http://127.0.0.1:{rasa_port}/", timeout=2).ok
                and requests.get(f"http://127.0.0.1:{actions_port}/health", timeout=2).ok
            )
        )
        old_actions, rasa_pid = pid_of(env, "actions"), pid_of(env, "rasa")
        os.kill(old_actions, signal.SIGKILL)
        sender = new_sender()
        during = ask("what causes it", sender)
        assert texts(during), "Rasa answers while the action server is down"
        assert wait_until(
            lambda: (
                pid_of(env, "actions") not in (0, old_actions)
                and requests.get(f"http://127.0.0.1:{actions_port}/health", timeout=2).ok
            )
        )
        after = ask("what causes it", sender)
        assert payloads(after)[0]["section"] == "causes", "answers resume by themselves"
        assert pid_of(env, "rasa") == rasa_pid, "Rasa kept running"
        status = f"http://127.0.0.1:{rasa_port}/status"
        refused = requests.get(status, timeout=10).status_code
        wrong = requests.get(status, params={"token": token[:-1] + "x"}, timeout=10).status_code
        allowed = requests.get(status, params={"token": token}, timeout=10)
        children = [pid_of(env, name) for name in ("actions", "rasa", "web")]
    finally:
        run.send_signal(signal.SIGINT)  # Ctrl-C
        code = run.wait(timeout=60)
        log.close()
    outcome(
        "faults",
        "make run: action server killed (SIGKILL)",
        "supervisord restarts it; Rasa answers politely meanwhile, then answers resume",
    )
    outcome("faults", "make run: Ctrl-C", f"supervisord and all {len(children)} processes stop")
    outcome(
        "API",
        "HTTP API with RASA_API_TOKEN: no token / wrong token / the token",
        f"{refused} / {wrong} / {allowed.status_code}",
    )
    assert (refused, wrong, allowed.status_code) == (401, 401, 200)
    assert code == 0, (tmp_path / "run.log").read_text()[-2000:]
    for pid in children:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read(), pid


def test_api_is_off_without_a_token_and_refuses_a_short_one(outcome):
    env = {**os.environ, "RASA_API_TOKEN": "short", "MODEL": "unused", "RASA_PORT": "1", "CORS_ORIGINS": "x"}
    result = subprocess.run(
        [str(ROOT / "scripts" / "rasa-server.sh")], env=env, capture_output=True, text=True, timeout=30
    )
    outcome("API", "RASA_API_TOKEN shorter than 32 characters", "refused at start (exit 2)")
    assert result.returncode == 2 and "too short" in result.stderr


def test_api_is_off_by_default(servers, outcome):
    status = requests.get(f"{servers.url}/status", timeout=10).status_code
    outcome("API", "default (no RASA_API_TOKEN): GET /status", str(status))
    assert status == 404
