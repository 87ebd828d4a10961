"""A queueing model of ``bench/api_latency.py``'s concurrent run: what the p99 would be on an idle machine.

The bench's clients are a closed loop: each sends its next request when the last is answered, so by Little's
law the mean latency is the clients over the requests/s, and the tail is how unevenly the server shares its
time. Modelled: ``--clients`` clients, each connection held by one worker (the split), each worker a core of
its own; a worker runs up to ``lanes`` requests at once sharing its core evenly (Python threads under the GIL,
roughly) and queues the rest in arrival order; each client asks for the bench's kinds in turn from a random
start, each costing the kind's CPU (``KINDS``: the medians of ``bench/api_latency.py --in-process 3`` on the
1,000,000-event store, load 17.7, scaled to ``--cpu`` ms a request on average). No HTTP, no clients' CPU, no
other load: it separates how the requests are scheduled from what they cost, which a shared machine cannot.

    .venv/bin/python bench/api_queueing.py [--clients 50] [--cpu 2.66] [--seconds 60]
"""

from __future__ import annotations

import argparse
import random
import statistics

# ms of CPU per request of each bench kind, in MIX's order (events latest ... article record).
KINDS = [2.05, 2.47, 0.39, 2.92, 5.62, 9.49, 1.95, 2.97, 2.00, 12.61]
KINDS += [4.58, 1.51, 1.33, 0.58, 0.40, 0.29, 1.14, 7.44, 3.72, 1.16]


def worker(clients: int, lanes: int, costs: list[float], horizon: float, rng: random.Random) -> list[float]:
    """The latencies (ms) of one worker's ``clients`` over ``horizon`` ms."""
    turns = [rng.randrange(len(costs)) for _ in range(clients)]
    waiting = [(0.0, client) for client in range(clients)]  # (asked at, client), in arrival order
    running: list[list] = []  # [CPU left, asked at, client]
    now, latencies = 0.0, []
    while now < horizon:
        while waiting and len(running) < lanes:
            asked, client = waiting.pop(0)
            running.append([costs[turns[client] % len(costs)], asked, client])
            turns[client] += 1
        step = min(r[0] for r in running)  # CPU until the next request ends, each running one getting 1/n
        now += step * len(running)
        for r in running:
            r[0] -= step
        for r in [r for r in running if r[0] <= 1e-9]:
            running.remove(r)
            latencies.append(now - r[1])
            waiting.append((now, r[2]))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--cpu", type=float, default=2.66, help="mean ms of server CPU a request")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    costs = [k * args.cpu / statistics.mean(KINDS) for k in KINDS]
    half = args.clients // 2
    print(f"{args.clients} closed-loop clients, two workers, {args.cpu} ms a request on average")
    print(f"  {'split':10s} {'lanes':>5s} {'req/s':>6s} {'mean':>6s} {'p50':>6s} {'p95':>6s} {'p99':>6s}  p99/mean")
    for split in ((half, args.clients - half), (33, 17), (38, 12)):
        for lanes in (1, 2, 4, 8):
            rng = random.Random(0)
            found = [v for n in split for v in worker(n, lanes, costs, args.seconds * 1000, rng)]
            q = statistics.quantiles(found, n=100)
            mean = statistics.mean(found)
            print(
                f"  {'/'.join(map(str, split)):10s} {lanes:5d} {len(found) / args.seconds:6.0f} {mean:6.0f} "
                f"{q[49]:6.0f} {q[94]:6.0f} {q[98]:6.0f}  {q[98] / mean:.2f}"
            )


if __name__ == "__main__":
    main()
