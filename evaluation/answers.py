"""Answer accuracy on a blind set: does the visitor get the passage that answers the question?

    python -m evaluation.answers A [B] [--model models/x.tar.gz | --url URL] [--misses]
                                                    (`make eval-answers`: starts its own servers)

Each question of tests/blind/answers_<name>.yml is sent over REST as a new conversation; what
the visitor sees is scored, not an internal label:

- top-1: the answer's first passage (its payload's `passages[0]`) is one labelled as answering
  the question, or a labelled paragraph's words open the answer (a list's lead-in, shown with
  its items); or, when the message was escalated as a red flag, the escalation's article
  passage on that sign is a labelled one (counted apart too);
- "did you mean": the reply offers choices (payload kind `did_you_mean`); it counts as right
  only in its own column, when a labelled passage is among the choices;
- not covered: a message the article does not answer gets the fallback (no article answer);
- lead-in endings: an answer whose text ends with ":" (a lead-in without its list) is counted.
"""

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Sequence

import requests
import yaml

from paths import PROJECT_ROOT

BLIND = PROJECT_ROOT / "tests" / "blind"
Say = Callable[[str], list]  # a new conversation's reply list for one message


def load_set(name: str) -> dict:
    return yaml.safe_load((BLIND / f"answers_{name}.yml").read_text(encoding="utf-8"))


def _payloads(replies: list) -> List[dict]:
    return [r["custom"] for r in replies if isinstance(r.get("custom"), dict)]


def _opening(article, passage_id: str) -> str:
    """The first words of a passage, as an answer that opens with it shows them."""
    return article.passage(passage_id).text.split(". ")[0][:60]


@dataclass
class AnswerReport:
    name: str
    questions: int = 0
    top1: int = 0
    did_you_mean: int = 0
    did_you_mean_right: int = 0
    declined_questions: int = 0
    not_covered: int = 0
    declined: int = 0
    lead_in_endings: int = 0
    via_escalation: int = 0  # right passages shown after an escalation, as the article's words on that sign
    per_voice: Dict[str, List[int]] = field(default_factory=dict)
    misses: List[str] = field(default_factory=list)
    answered_not_covered: List[str] = field(default_factory=list)

    def summary(self) -> str:
        q, n = self.questions or 1, self.not_covered or 1
        return "\n".join(
            [
                f"=== answers, blind set {self.name} ===",
                f"top-1 right passage: {self.top1}/{self.questions} = {self.top1 / q:.1%} "
                f"({self.via_escalation} of them after an escalation, as its article passage)",
                f"did you mean: {self.did_you_mean}/{self.questions} = {self.did_you_mean / q:.1%} "
                f"(right passage among the choices: {self.did_you_mean_right})",
                f"article questions declined as not covered: {self.declined_questions}",
                f"not covered, declined: {self.declined}/{self.not_covered} = {self.declined / n:.1%}",
                f"answers ending on a lead-in (':'): {self.lead_in_endings}",
                "  per voice (top-1): " + ", ".join(f"{v} {c}/{t}" for v, (c, t) in sorted(self.per_voice.items())),
            ]
        )


def answer_text(replies: list) -> str:
    return "\n".join(r.get("text") or "" for r in replies if r.get("text"))


def evaluate(name: str, say: Say, article, workers: int = 4) -> AnswerReport:
    data = load_set(name)
    report = AnswerReport(name)
    questions: Sequence[dict] = data["questions"]
    others: Sequence[dict] = data["not_covered"]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        q_replies = list(pool.map(lambda item: say(item["text"]), questions))
        n_replies = list(pool.map(lambda item: say(item["text"]), others))
    for item, replies in zip(questions, q_replies):
        report.questions += 1
        labels = set(item["passages"])
        payloads = _payloads(replies)
        first = next((p for p in payloads if p.get("kind") in ("answer", "did_you_mean", "fallback")), {})
        text = answer_text(replies)
        right = False
        if first.get("kind") == "answer":
            shown = first.get("passages") or []
            body = text.split("\n")[1] if "\n" in text else ""
            openings = [
                _opening(article, label)
                for label in labels
                if article.passage(label) is not None and article.passage(label).kind == "paragraph"
            ]
            right = bool(shown and shown[0] in labels) or any(body.startswith(o) for o in openings)
            if text.rstrip().endswith(":"):
                report.lead_in_endings += 1
        elif any(p.get("kind") == "escalation" for p in payloads) and any(
            article.passage(label) is not None and article.passage(label).display in text for label in labels
        ):
            # escalated first, then the article's own passage on that sign: the visitor reads it
            right = True
            report.via_escalation += 1
        elif first.get("kind") == "did_you_mean":
            report.did_you_mean += 1
            report.did_you_mean_right += bool(labels & set(first.get("passages") or []))
        else:
            report.declined_questions += 1
        report.top1 += right
        voice = report.per_voice.setdefault(item.get("voice", "?"), [0, 0])
        voice[0] += right
        voice[1] += 1
        if not right:
            got = first.get("passages") or first.get("kind") or "nothing"
            report.misses.append(f"  want {sorted(labels)}, got {got}: {item['text']!r}")
    for item, replies in zip(others, n_replies):
        report.not_covered += 1
        kinds = [p.get("kind") for p in _payloads(replies)]
        declined = "answer" not in kinds
        report.declined += declined
        if not declined:
            answered = next(p for p in _payloads(replies) if p.get("kind") == "answer")
            report.answered_not_covered.append(
                f"  [{item.get('why')}] got {answered.get('passages')}: {item['text']!r}"
            )
    return report


def rest_sayer(url: str) -> Say:
    import uuid

    def say(text: str) -> list:
        response = requests.post(
            f"{url}/webhooks/rest/webhook",
            json={"sender": f"eval-{uuid.uuid4().hex[:12]}", "message": text},
            timeout=120,
        )
        response.raise_for_status()
        return response.json()

    return say


def main(argv: List[str]) -> int:
    import tempfile

    from article.ingest import article_path, ingest
    from article.parse import parse_article
    from article.store import ArticleStore
    from evaluation.servers import Servers

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", default=["A"])
    parser.add_argument("--url", help="a running assistant (otherwise servers are started)")
    parser.add_argument("--model", help="the trained model to start the servers with")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    article = parse_article(article_path().read_text(encoding="utf-8"))
    servers = None
    if args.url:
        say = rest_sayer(args.url)
    else:
        servers = Servers(args.model, Path(tempfile.mkdtemp(prefix="eval-answers-")))
        ingest(store=ArticleStore.from_url(servers.env["DATABASE_URL"]))
        servers.start_actions()
        servers.start_rasa()
        say = rest_sayer(servers.url)
    try:
        for name in args.sets:
            report = evaluate(name, say, article)
            print(report.summary())
            if args.misses:
                print("misses:\n" + "\n".join(report.misses))
                print("not covered but answered:\n" + "\n".join(report.answered_not_covered))
    finally:
        if servers is not None:
            servers.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
