"""Synthetic readout-like documents and corpora for the benchmark scripts.

Real readouts are short; the long documents the benchmarks need (1,000-sentence joint
statements and transcripts) and the 10,000-pair corpus are generated here, deterministically
from a seed, so every run and every machine measures the same text. The generator imitates
what makes readouts hard to align: a small diplomatic vocabulary shared by every sentence
("the sides discussed cooperation"), names repeated throughout, a long tail of rarer words
(Zipf-distributed), and a second readout that reorders, edits, drops and adds sentences.

This is benchmark scaffolding, not part of the package: nothing in ``src/`` imports it.
"""

from __future__ import annotations

import json
import random
from itertools import accumulate
from pathlib import Path

# Words every readout uses; they are drawn most often (the head of the Zipf curve).
COMMON = """
discussed cooperation bilateral relations situation issues sides parties agreed importance
support development regional security economic trade investment energy humanitarian dialogue
partnership strategic stability peace settlement negotiations agreements implementation steps
interaction prospects questions contacts meeting conversation leaders president minister
government countries international global joint efforts initiatives projects sphere areas
""".split()
# Topic words and phrases (several are in the built-in lexicon, so the ledger has work to do).
TOPICAL = """
blockade corridor ceasefire sanctions grain gas pipeline oil tariffs semiconductors refugees
hostages peacekeepers border delimitation water dam drought climate vaccines migration
terrorism cyber nuclear missile drones shipping ports railway highway fertilizer wheat
tourism students visas diaspora elections democracy sovereignty territorial integrity
""".split()
NAMES = """
Putin Pashinian Aliyev Tokayev Xi Biden Blinken Wang Scholz Macron Erdogan Zelensky Modi
Sharif Kishida Marcos Lula Sisi Abiy Armenia Azerbaijan Russia China Kazakhstan Ukraine
Turkey Germany France Japan Philippines Brazil Egypt Ethiopia India Pakistan Qatar Gaza
Karabakh Lachin Taiwan Crimea Donbas Kashmir Nile Moscow Beijing Yerevan Baku Astana Kyiv
""".split()
VERBS = """
discussed raised stressed noted emphasized confirmed reaffirmed welcomed expressed agreed
exchanged reviewed considered touched highlighted underlined addressed proposed
""".split()
FILLER = "the of and to in on with a for by at between from its their".split()
_SYLLABLES = "ka ro mi ten sul ba dor vel an ist ur pol gra men tiv ser lo na che var".split()


class Vocabulary:
    """Content words with Zipf weights: common diplomatic words first, a long tail last."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        words = COMMON + TOPICAL
        seen = set(words)
        while len(words) < size:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cum = list(accumulate(1 / (rank + 1) for rank in range(len(words))))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.words, cum_weights=self.cum)[0]


def sentence(rng: random.Random, vocab: Vocabulary) -> str:
    """One readout-like sentence of about 15-30 words."""
    subject = rng.sample(NAMES, 2)
    parts = [f"{subject[0]} and {subject[1]}", rng.choice(VERBS)]
    for _ in range(rng.randint(4, 9)):
        parts.append(rng.choice(FILLER))
        parts.append(vocab.draw(rng))
        if rng.random() < 0.3:
            parts.append(rng.choice(NAMES))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def document(n: int, *, seed: int = 1) -> list[str]:
    """``n`` sentences of a long readout-like document (a joint statement, a transcript)."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    return [sentence(rng, vocab) for _ in range(n)]


def edited_copy(sentences: list[str], *, seed: int = 2) -> list[str]:
    """The other side's version: 10% dropped, 30% edited, 20% moved, 15% new sentences."""
    return [text for text, _ in edited_with_origin(sentences, seed=seed)]


def edited_with_origin(sentences: list[str], *, seed: int = 2) -> list[tuple[str, int | None]]:
    """:func:`edited_copy` with, for each sentence, the index of the A sentence it came from."""
    rng = random.Random(seed)
    vocab = Vocabulary(random.Random(seed + 1))
    out: list[tuple[str, int | None]] = []
    for origin, text in enumerate(sentences):
        roll = rng.random()
        if roll < 0.10:
            continue
        if roll < 0.40:
            words = text.rstrip(".").split()
            for _ in range(rng.randint(1, 4)):
                k = rng.randrange(1, len(words))
                action = rng.random()
                if action < 0.4:
                    words[k] = vocab.draw(rng)
                elif action < 0.7 and len(words) > 6:
                    del words[k]
                else:
                    words.insert(k, rng.choice(FILLER) + " " + vocab.draw(rng))
            text = " ".join(words) + "."
        out.append((text, origin))
    for _ in range(len(out) // 5):
        moved = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out) + 1), moved)
    for _ in range(len(sentences) * 15 // 100):
        out.insert(rng.randrange(len(out) + 1), (sentence(rng, vocab), None))
    return out


def as_text(sentences: list[str], *, per_paragraph: int = 4) -> str:
    """Sentences joined into paragraphs separated by blank lines, as readouts are published."""
    paragraphs = [
        " ".join(sentences[k : k + per_paragraph]) for k in range(0, len(sentences), per_paragraph)
    ]
    return "\n\n".join(paragraphs) + "\n"


def pair(n: int, *, seed: int = 1) -> tuple[str, str]:
    """Two readout-like documents of ``n`` sentences (B about 1.05 n): A, and B edited from A."""
    a = document(n, seed=seed)
    return as_text(a), as_text(edited_copy(a, seed=seed + 1))


# ---------------------------------------------------------------- a corpus of short pairs

SEED_A = [
    "Prime Minister Nikol Pashinian had a telephone conversation with President of Russia "
    "Vladimir Putin.",
    "Nikol Pashinian referred to the blockade of the Lachin corridor, which Azerbaijan "
    "continues to maintain, and called on the Russian side to contribute to lifting it.",
    "The Prime Minister touched upon the humanitarian crisis in Nagorno-Karabakh resulting "
    "from the blockade and stressed the importance of necessary steps by Russia to overcome it.",
    "In this context, activities of the Russian peacekeeping mission in Nagorno-Karabakh were "
    "discussed.",
]
SEED_B = [
    "Vladimir Putin had a telephone conversation with Prime Minister of Armenia Nikol Pashinian.",
    "The conversation took place at the initiative of the Armenian side.",
    "The current situation around Nagorno-Karabakh was discussed with an emphasis on the "
    "importance of consistent implementation of the entire set of trilateral agreements "
    "between the leaders of Russia, Armenia and Azerbaijan.",
]
EXTRA = [
    "The sides discussed gas supplies and the grain deal.",
    "The leaders exchanged views on the situation in the South Caucasus.",
    "Issues of trade and economic cooperation were touched upon.",
    "Special attention was paid to the humanitarian situation in Gaza.",
    "The parties stressed the need for a ceasefire.",
    "The leaders agreed to continue contacts at various levels.",
    "The peace treaty between Armenia and Azerbaijan was discussed.",
    "The work of the EU monitoring mission was addressed.",
    "Sanctions and energy prices were on the agenda.",
    "The situation around Taiwan was raised.",
]


def seed_like_pair(k: int) -> tuple[str, str, int]:
    """The ``k``-th seed-sized pair: the seed readouts shuffled and edited; and a year."""
    rng = random.Random(k)
    a = [s for s in SEED_A if rng.random() > 0.2] or SEED_A[:1]
    b = [s for s in SEED_B if rng.random() > 0.2] or SEED_B[:1]
    a.extend(rng.sample(EXTRA, rng.randint(0, 2)))
    b.extend(rng.sample(EXTRA, rng.randint(0, 2)))
    rng.shuffle(a)
    rng.shuffle(b)
    return "\n\n".join(a) + "\n", "\n\n".join(b) + "\n", 2018 + k % 8


def write_corpus(root: Path, n: int) -> Path:
    """``n`` seed-sized pair folders under ``root`` in the layout of ``samples/``."""
    root.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        a, b, year = seed_like_pair(k)
        folder = root / f"call-{k:05d}"
        folder.mkdir(exist_ok=True)
        (folder / "yerevan.txt").write_text(a, encoding="utf-8")
        (folder / "kremlin.txt").write_text(b, encoding="utf-8")
        meta = {
            "date": f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}",
            "event": f"Synthetic call {k}",
            "a": {"label": "Yerevan", "source": "yerevan.txt"},
            "b": {"label": "Kremlin", "source": "kremlin.txt"},
        }
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return root
