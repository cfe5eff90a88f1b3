"""deploy/: the production files agree with the code they run, pin what they pull and hold no
secret. The files are read, not run: no docker, no Kubernetes, no network."""

import ast
import re
from functools import cache
from pathlib import Path
from typing import Any, Dict, Iterator, Set, Tuple

import yaml

from paths import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
ONE_SHOT = {"ingest"}
REFERENCE = re.compile(r"\$\{(\w+)\}")  # what Rasa and nginx's envsubst fill in
REQUIRED = re.compile(r"\$\{\w+:\?[^}]*\}")  # compose refuses to start while it is unset
UNSET_BY_DEFAULT = re.compile(r"\$\{\w+:-\}")
K8S_REFERENCE = re.compile(r"\$\(\w+\)")  # Kubernetes fills in another variable of the container
SECRET_VARIABLE = re.compile(r"PASSWORD|SECRET|TOKEN|_PASS$|COOKIE")
SECRET_KEY = re.compile(r"(password|token|cookie|secret)$", re.IGNORECASE)
URL_PASSWORD = re.compile(r"://[^:/@]+:([^@]+)@")


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


@cache
def services() -> Dict[str, Dict[str, Any]]:
    return load(DEPLOY / "docker-compose.yml")["services"]


@cache
def helm() -> Dict[str, Any]:
    return load(DEPLOY / "helm-values.yaml")


def variables_read_by(path: Path) -> Set[str]:
    """The ${NAMES} on the lines of a file that are not comments."""
    lines = [line for line in path.read_text().splitlines() if not line.lstrip().startswith("#")]
    return set(REFERENCE.findall("\n".join(lines)))


def test_both_files_parse():
    assert set(services()) == {
        "postgres",
        "redis",
        "rabbitmq",
        "ingest",
        "action-1",
        "action-2",
        "rasa-1",
        "rasa-2",
        "nginx",
    }
    assert helm()["applicationSettings"]["endpoints"]


def test_every_pulled_image_is_pinned():
    pulled = {name: service["image"] for name, service in services().items() if "build" not in service}
    assert set(pulled) == {"postgres", "redis", "rabbitmq", "nginx"}
    for name, image in pulled.items():
        _, colon, tag = image.rpartition(":")
        assert colon and "/" not in tag and tag != "latest" and re.search(r"\d", tag), f"{name}: {image}"


def test_the_project_services_are_built_from_the_dockerfile_with_a_model():
    built = {name: service["build"] for name, service in services().items() if "build" in service}
    assert set(built) == {"ingest", "action-1", "action-2", "rasa-1", "rasa-2"}
    for build in built.values():
        assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
        assert REQUIRED.fullmatch(build["args"]["MODEL"])


def test_long_running_services_have_a_healthcheck_and_a_restart_policy():
    for name, service in services().items():
        if name in ONE_SHOT:
            assert service["restart"] == "no"
            continue
        assert service.get("restart") == "unless-stopped", name
        assert service.get("healthcheck", {}).get("test"), name


def test_services_start_in_order_of_health():
    def waits_for(name: str) -> Dict[str, str]:
        return {other: wait["condition"] for other, wait in services()[name].get("depends_on", {}).items()}

    for n in (1, 2):
        assert waits_for(f"action-{n}")["ingest"] == "service_completed_successfully"
        assert waits_for(f"rasa-{n}") == {store: "service_healthy" for store in ("postgres", "redis", "rabbitmq")}
    assert waits_for("nginx") == {name: "service_healthy" for name in ("rasa-1", "rasa-2", "action-1", "action-2")}


def test_no_secret_in_the_compose_environment_is_a_literal():
    for name, service in services().items():
        for variable, value in service.get("environment", {}).items():
            where = f"{name}: {variable}={value}"
            if SECRET_VARIABLE.search(variable):
                assert REQUIRED.fullmatch(value) or UNSET_BY_DEFAULT.fullmatch(value), where
            for password in URL_PASSWORD.findall(str(value)):
                assert REQUIRED.fullmatch(password), where


def test_only_nginx_publishes_a_port_and_on_loopback_unless_told():
    assert {name for name, service in services().items() if service.get("ports")} == {"nginx"}
    for port in services()["nginx"]["ports"]:
        with_defaults = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", port)
        assert with_defaults.startswith("127.0.0.1:"), port


def test_the_rasa_servers_get_every_variable_they_read():
    script = (PROJECT_ROOT / "scripts" / "rasa-server.sh").read_text()
    assert "${ENDPOINTS" in script  # else ENDPOINTS below would change nothing
    needed = (
        variables_read_by(PROJECT_ROOT / "endpoints.prod.yml")
        | variables_read_by(PROJECT_ROOT / "credentials.yml")
        | {"MODEL", "RASA_PORT", "CORS_ORIGINS", "DATABASE_URL"}
        # socket.io session tokens must verify on every server (channels/sessions.py)
        | {"SESSION_SECRET"}
    )
    assert {"ACTION_ENDPOINT_URL", "TRACKER_STORE_URL", "REDIS_PASSWORD", "RABBITMQ_QUEUE"} <= needed
    for name in ("rasa-1", "rasa-2"):
        environment = services()[name]["environment"]
        assert environment["ENDPOINTS"] == "endpoints.prod.yml"
        assert needed - set(environment) == set(), name
        assert environment["CORS_ORIGINS"] != "*"


def test_nginx_gets_every_name_of_its_template_and_the_servers_ports():
    nginx = services()["nginx"]
    environment = nginx["environment"]
    names = variables_read_by(DEPLOY / "nginx" / "rasa.conf.template")
    assert names and names - set(environment) == set()
    assert "./nginx/rasa.conf.template:/etc/nginx/templates/rasa.conf.template:ro" in nginx["volumes"]
    for n in (1, 2):
        rasa_port = services()[f"rasa-{n}"]["environment"]["RASA_PORT"]
        actions_port = services()[f"action-{n}"]["environment"]["ACTIONS_PORT"]
        assert environment[f"RASA_SERVER_{n}"] == f"rasa-{n}:{rasa_port}"
        assert environment[f"ACTION_SERVER_{n}"] == f"action-{n}:{actions_port}"
        action_url = services()[f"rasa-{n}"]["environment"]["ACTION_ENDPOINT_URL"]
        assert action_url == f"http://nginx:{environment['ACTIONS_LISTEN']}/webhook"


def test_helm_values_switch_on_the_shared_stores_as_endpoints_prod_does():
    endpoints = helm()["applicationSettings"]["endpoints"]
    prod = load(PROJECT_ROOT / "endpoints.prod.yml")
    tracker, lock, broker = endpoints["trackerStore"], endpoints["lockStore"], endpoints["eventBroker"]
    assert tracker["enabled"] and tracker["dialect"] == "postgresql"
    assert tracker["type"] == prod["tracker_store"]["type"]
    assert (
        lock["enabled"] and lock["type"] == prod["lock_store"]["type"] == "rasa_ext.lock_store.SerialisedRedisLockStore"
    )
    assert lock["key_prefix"] == prod["lock_store"]["key_prefix"]
    assert broker["enabled"] and broker["type"] == prod["event_broker"]["type"] == "pika"
    assert endpoints["additionalEndpoints"]["nlg"] == prod["nlg"]
    for chart in ("postgresql", "redis", "rabbitmq", "rasa-action-server"):
        assert helm()[chart]["install"], chart


def test_helm_values_serve_the_channels_of_credentials_yml():
    ours = {channel: settings or {} for channel, settings in load(PROJECT_ROOT / "credentials.yml").items()}
    assert helm()["applicationSettings"]["credentials"]["additionalChannelCredentials"] == ours


def test_helm_values_keep_the_api_off_and_cors_to_the_site():
    settings = helm()["applicationSettings"]
    assert settings["enableAPI"] is False and settings["token"] == ""
    assert settings["cors"] not in ("*", "")
    command = " ".join(helm()["command"] + helm()["args"])
    assert "scripts/rasa-server.sh" in command
    assert not {"--enable-api", "--auth-token", "--cors", "*"} & set(command.split())
    environment = {entry["name"]: entry for entry in helm()["extraEnv"]}
    assert environment["CORS_ORIGINS"]["value"] == settings["cors"]
    assert environment["RASA_PORT"]["value"] == str(settings["port"])
    assert "secretKeyRef" in environment["RASA_API_TOKEN"]["valueFrom"]
    actions = helm()["rasa-action-server"]
    ports = {entry["name"]: entry.get("value") for entry in actions["extraEnv"]}
    assert ports["ACTIONS_PORT"] == str(actions["applicationSettings"]["port"])


def secrets_in(values: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    """(dotted key, value) of every scalar whose key ends in password, token, cookie or secret."""
    items = values.items() if isinstance(values, dict) else enumerate(values) if isinstance(values, list) else []
    for key, value in items:
        here = f"{path}.{key}" if path else str(key)
        if isinstance(value, (dict, list)):
            yield from secrets_in(value, here)
        elif SECRET_KEY.search(str(key)):
            yield here, value


def test_helm_values_hold_no_literal_password_or_token():
    found = dict(secrets_in(helm()))
    overridden = [
        "applicationSettings.token",
        "applicationSettings.rasaX.token",
        "applicationSettings.endpoints.models.token",
        "global.postgresql.postgresqlPassword",
        "global.redis.password",
        "redis.auth.password",
        "rabbitmq.auth.password",
        "rabbitmq.auth.erlangCookie",
    ]
    for key in overridden:  # literal defaults in the chart
        assert found[key] == "", key
    for key, value in found.items():
        if "existing" not in key.lower():  # those name a Kubernetes Secret or one of its keys
            assert value == "" or REFERENCE.fullmatch(str(value)), f"{key}: {value!r}"
    for owner in (helm(), helm()["rasa-action-server"]):
        for entry in owner["extraEnv"]:
            if SECRET_VARIABLE.search(entry["name"]):
                assert "secretKeyRef" in entry["valueFrom"], entry["name"]
            for password in URL_PASSWORD.findall(entry.get("value", "")):
                assert K8S_REFERENCE.fullmatch(password), entry["name"]


def copied_by_the_dockerfile(dockerfile: str) -> Set[str]:
    """The repository paths that the Dockerfile's COPY lines name (the model aside)."""
    paths: Set[str] = set()
    for line in dockerfile.splitlines():
        if line.startswith("COPY "):
            *sources, _destination = line.split()[1:]
            paths.update(source.rstrip("/") for source in sources if "$" not in source)
    return paths


def top_level_imports(path: Path) -> Set[str]:
    names: Set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_the_image_installs_as_make_install_does():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    pins = re.compile(r"'(pip|setuptools|wheel)==([^']+)'")
    assert len(pins.findall((PROJECT_ROOT / "Makefile").read_text())) == 3
    assert pins.findall(dockerfile) == pins.findall((PROJECT_ROOT / "Makefile").read_text())
    assert "python -m pip install -c constraints.txt -r requirements.txt" in dockerfile
    assert re.search(r"^FROM python:3\.10\.\d+-slim-bookworm$", dockerfile, re.MULTILINE)
    user = re.findall(r"^USER (\d+)", dockerfile, re.MULTILINE)
    assert user and user[-1] != "0"


def test_the_image_has_every_module_the_servers_import_and_load():
    copied = copied_by_the_dockerfile((DEPLOY / "Dockerfile").read_text())
    assert {"scripts", "data/article", "endpoints.prod.yml", "credentials.yml"} <= copied
    assert all((PROJECT_ROOT / path).exists() for path in copied), copied
    project = {path.stem for path in PROJECT_ROOT.glob("*.py")} | {
        path.parent.name for path in PROJECT_ROOT.glob("*/__init__.py")
    }
    modules = {Path(path).stem for path in copied if "/" not in path and Path(path).stem in project}
    # What Rasa loads by name from the endpoints, credentials and the model's pipeline.
    prod = load(PROJECT_ROOT / "endpoints.prod.yml")
    loaded = {section["type"] for section in prod.values() if "." in str(section.get("type", ""))}
    loaded |= {channel for channel in load(PROJECT_ROOT / "credentials.yml") if "." in channel}
    loaded |= {component["name"] for component in load(PROJECT_ROOT / "config.yml")["pipeline"]}
    needed = {name.split(".")[0] for name in loaded if "." in name}
    for module in modules:
        files = [PROJECT_ROOT / f"{module}.py"] if (PROJECT_ROOT / f"{module}.py").exists() else []
        for file in files or (PROJECT_ROOT / module).glob("*.py"):
            needed |= top_level_imports(file) & project
    assert needed - modules == set()
