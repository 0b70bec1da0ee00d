"""A Parley client written only from docs/protocol.md, with Debian's python3-socketio.

Usage: client.py <server url> <outbox dir>

Registers two people, confirms them from the mail outbox, logs both in, connects one socket over
the websocket transport and one over polling, exchanges a direct message each way and a group
message, and prints a JSON summary of what each side received. Exits non-zero on the first thing
that does not go as the document says.
"""

import email
import email.policy
import json
import pathlib
import re
import sys
import threading
import time
import uuid

import engineio
import requests
import socketio

TIMEOUT = 10

# docs/protocol.md, "Polling: any number of packets in one response": a Parley server may put
# more packets in one poll response than python-engineio's default of 16 accepts.
engineio.payload.Payload.max_decode_packets = 1000


def fail(what):
    print(json.dumps({"ok": False, "error": what}))
    sys.exit(1)


def expect_status(response, status, what):
    if response.status_code != status:
        fail(f"{what}: expected {status}, got {response.status_code} {response.text[:300]}")
    return response.json()


def confirmation_link(outbox, address):
    """The newest mail to `address` in the outbox, and the registration link it holds."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for path in sorted(pathlib.Path(outbox).glob("*.eml"), reverse=True):
            mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if mail["To"] != address:
                continue
            text = mail.get_body(preferencelist=("plain",)).get_content()
            match = re.search(r"https?://\S+/register/[A-Za-z0-9_-]+", text)
            if match:
                return match.group(0)
        time.sleep(0.1)
    fail(f"no confirmation mail for {address} in {outbox}")


class Person:
    """One account: its REST session and one socket, and every event the socket received."""

    def __init__(self, base, outbox, first_name):
        self.base = base
        self.email = f"{first_name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
        self.password = "correct horse battery"
        self.first_name = first_name
        self.http = requests.Session()
        self.events = []
        self.arrived = threading.Condition()
        self.register(outbox)

    def register(self, outbox):
        body = {"email": self.email, "password": self.password, "first_name": self.first_name, "last_name": "Tester"}
        answer = expect_status(self.http.post(f"{self.base}/register", json=body, timeout=TIMEOUT), 202, "register")
        if answer != {"status": "confirmation_sent"}:
            fail(f"register answered {answer}")
        link = confirmation_link(outbox, self.email)
        # An API client asks for JSON; a browser would get an HTML page.
        created = expect_status(
            self.http.get(link, headers={"Accept": "application/json"}, timeout=TIMEOUT), 201, "confirm"
        )
        self.user_id = created["user_id"]

    def log_in(self):
        body = {"email": self.email, "password": self.password}
        answer = expect_status(self.http.post(f"{self.base}/login", json=body, timeout=TIMEOUT), 200, "login")
        if answer["user"]["user_id"] != self.user_id:
            fail(f"login returned another user: {answer['user']}")
        self.token = answer["token"]
        self.http.headers["authentication"] = self.token

    def connect(self, transport):
        self.transport = transport
        self.socket = socketio.Client(reconnection=False)
        for name in ("message", "notification", "presence", "group_created"):
            self.socket.on(name, self.recorder(name))
        self.socket.connect(self.base, auth={"token": self.token}, transports=[transport], wait_timeout=TIMEOUT)
        if self.socket.transport() != transport:
            fail(f"{self.first_name} is on {self.socket.transport()}, not {transport}")

    def recorder(self, name):
        def record(payload):
            with self.arrived:
                self.events.append((name, payload))
                self.arrived.notify_all()

        return record

    def wait_for(self, name, matches):
        """The first event `name` whose payload satisfies `matches`, waiting up to TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        with self.arrived:
            while True:
                for event, payload in self.events:
                    if event == name and matches(payload):
                        return payload
                left = deadline - time.monotonic()
                if left <= 0:
                    fail(f"{self.first_name} ({self.transport}) got no matching {name}; got {self.events}")
                self.arrived.wait(left)

    def send(self, payload):
        ack = self.socket.call("message", payload, timeout=TIMEOUT)
        if not ack.get("ok"):
            fail(f"{self.first_name} sent {payload}, ack {ack}")
        return ack["message"]

    def get(self, path):
        return expect_status(self.http.get(f"{self.base}{path}", timeout=TIMEOUT), 200, f"GET {path}")


def room_exchange(sender, receiver):
    text = f"hello {receiver.first_name} over {sender.transport}"
    sent = sender.send({"chat_type": "room", "other_user_id": receiver.user_id, "message": text})
    got = receiver.wait_for("message", lambda m: m.get("id") == sent["id"])
    note = receiver.wait_for("notification", lambda n: n.get("chat_room_id") == sent["chat_room_id"])
    return {
        "from": sender.transport,
        "to": receiver.transport,
        "message": got["message"],
        "chat_type": got["chat_type"],
        "same_room": got["chat_room_id"] == sent["chat_room_id"],
        "unread_count": note["unread_count"],
    }


def burst(sender, receiver, count=12):
    """Messages sent without waiting for each ack reach a polling receiver many packets at a time."""
    acks = []
    done = threading.Event()

    def acked(ack):
        acks.append(ack)
        if len(acks) == count:
            done.set()

    for i in range(count):
        sender.socket.emit("message", {"chat_type": "room", "other_user_id": receiver.user_id, "message": f"burst {i}"}, callback=acked)
    if not done.wait(TIMEOUT) or not all(ack.get("ok") for ack in acks):
        fail(f"burst acks: {acks}")
    ids = {ack["message"]["id"] for ack in acks}
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        with receiver.arrived:
            got = {payload.get("id") for event, payload in receiver.events if event == "message"} & ids
        if got == ids:
            return {"sent": count, "received": len(got), "to": receiver.transport}
        if not receiver.socket.connected:
            break
        time.sleep(0.05)
    fail(f"{receiver.first_name} ({receiver.transport}) got {len(got)} of {count} burst messages, connected: {receiver.socket.connected}")


def group_exchange(author, member):
    name = f"Python {uuid.uuid4().hex[:8]}"
    created = author.http.post(f"{author.base}/chat_groups", json={"chat_group_name": name}, timeout=TIMEOUT)
    group = expect_status(created, 201, "create group")
    announced = member.wait_for("group_created", lambda g: g.get("chat_group_id") == group["chat_group_id"])
    # Entering makes the member a member (and present); leaving keeps the membership, so the next
    # message also brings a notification.
    member.get(f"/chat_groups/{group['chat_group_id']}")
    left = member.socket.call("leave_group", {"chat_group_id": group["chat_group_id"]}, timeout=TIMEOUT)
    if left != {"ok": True}:
        fail(f"leave_group answered {left}")
    sent = author.send({"chat_type": "group", "chat_group_id": group["chat_group_id"], "message": "hello group"})
    got = member.wait_for("message", lambda m: m.get("id") == sent["id"])
    note = member.wait_for("notification", lambda n: n.get("chat_group_id") == group["chat_group_id"])
    return {
        "group_created": announced == group,
        "message": got["message"],
        "chat_type": got["chat_type"],
        "unread_count": note["unread_count"],
    }


def main():
    if len(sys.argv) != 3:
        fail("usage: client.py <server url> <outbox dir>")
    try:
        import websocket  # noqa: F401  python-engineio's websocket transport
    except ImportError:
        fail("the websocket transport needs websocket-client: apt-get install python3-websocket")
    base, outbox = sys.argv[1].rstrip("/"), sys.argv[2]
    ada = Person(base, outbox, "Ada")
    bob = Person(base, outbox, "Bob")
    for person in (ada, bob):
        person.log_in()
    ada.connect("websocket")
    bob.connect("polling")
    try:
        rooms = [room_exchange(ada, bob), room_exchange(bob, ada)]
        group = group_exchange(ada, bob)
        burst_summary = burst(ada, bob)
        unread = bob.get("/notifications")["total_unread"]
    finally:
        for person in (ada, bob):
            person.socket.disconnect()
    print(json.dumps({"ok": True, "transports": [ada.transport, bob.transport], "rooms": rooms, "group": group, "burst": burst_summary, "bob_total_unread": unread}))


if __name__ == "__main__":
    main()
