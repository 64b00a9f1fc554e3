"""The served app contacts no host off the machine: the README promises it works offline by design.

Every host name the server process looks up and every address it connects to is recorded by a Python
audit hook (installed through a sitecustomize module on PYTHONPATH, so the app itself carries no test
code) while a client opens every page. The server is started as the README starts it (no
--server.address): headless Streamlit would then ask checkip.amazonaws.com for the machine's external
address, and open a UDP socket towards 8.8.8.8 for its network address, at start.
"""

import ipaddress
import json

from tests import st_client
from tests.conftest import ROOT, serve

RECORDER = r"""
import json, os, sys

_log = os.environ["DLM_SOCKET_LOG"]

def _record(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        host = args[0]
    elif event in ("socket.connect", "socket.sendto"):
        address = args[1]
        host = address[0] if isinstance(address, tuple) else address
    else:
        return
    with open(_log, "a") as log:
        log.write(json.dumps([event, host if isinstance(host, str) else repr(host)]) + "\n")

sys.addaudithook(_record)
with open(_log, "a") as log:
    log.write(json.dumps(["installed", ""]) + "\n")
"""


def off_machine(host: str) -> bool:
    """True for any host that is not this machine (names other than localhost count as off the machine)."""
    if host in ("localhost", ""):
        return False
    try:
        return not ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return True  # a name: looking it up is already contacting a resolver


def test_the_server_looks_up_and_connects_to_nothing_off_the_machine(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(RECORDER)
    log = tmp_path / "sockets.jsonl"
    server = serve(extra_env={"PYTHONPATH": f"{tmp_path}:{ROOT}", "DLM_SOCKET_LOG": str(log)}, loopback=False)
    url = next(server)
    try:
        results = st_client.drive(url, sessions=1, reruns_per_session=len(st_client.RERUNS))
        assert all(rerun.ok for rerun in results), [r for r in results if not r.ok]
    finally:
        server.close()
    recorded = [json.loads(line) for line in log.read_text().splitlines()]
    assert ["installed", ""] in recorded, "the recorder was not installed in the server process"
    contacted = sorted({f"{event} {host}" for event, host in recorded if off_machine(host)})
    assert not contacted, f"the server reached off the machine: {contacted}"
