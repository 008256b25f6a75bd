"""Every threshold readouts uses, in one frozen object with the reason for each value.

Pass a modified copy (``dataclasses.replace(Config(), discover=0)``) to :func:`readouts.compare`
to change one. Nothing else in the package hard-codes a tuning number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Tuning for alignment, topic matching and discovery.

    >>> Config().match_score
    25.0
    """

    #: Minimum similarity (0-100) for two sentences to be reported as a matched pair. The score
    #: is mostly the share of content words two sentences have in common; readouts of the same
    #: call word the same point differently, so sentences about one subject ("the situation
    #: around Nagorno-Karabakh" / "the peacekeeping mission in Nagorno-Karabakh") score 25-35,
    #: and unrelated ones 5-15.
    match_score: float = 25.0
    #: A topic two sentences both mention counts as this many shared words when aligning them.
    topic_weight: int = 3
    #: A second B sentence joins a pair (one-to-many) only if adding it raises the score by this
    #: much: one long sentence covering two short ones gains markedly, a coincidence does not.
    merge_gain: float = 6.0
    #: Candidate pruning: a B sentence is scored against an A sentence only if they share at least
    #: this many content words (or one rare word). Scoring every pair is quadratic.
    min_shared_words: int = 1
    #: How many candidates per sentence are fully scored after pruning.
    max_candidates: int = 12
    #: Sentences are compared on at most this many characters of their content words: enough
    #: for any real sentence, and it keeps a 200,000-character "sentence" from costing seconds.
    max_score_chars: int = 4000
    #: Words shorter than this never match by prefix (inflection); they must match exactly.
    #: Short words are where prefix matching goes wrong ("EU" in "Europe", "Iran" in "Irani...").
    min_stem: int = 4
    #: How many letters an inflected form may add to or drop from the shared prefix. Covers
    #: blockade/blockaded, блокада/блокадой, Ղարաբաղ/Ղարաբաղի without letting "Iran" reach
    #: "Ukraine" (no shared prefix at all) or "art" reach "artillery".
    max_suffix: int = 3
    #: Names at least this long may match as transliteration variants (Pashinian/Pashinyan).
    min_variant_len: int = 5
    #: A name in Latin letters at least this long may also change its last letter in another
    #: script's case forms (Москва/Moskva, Путина/Putin): "Хамадом" is not Hamas.
    min_case_change_len: int = 6
    #: A name in Latin letters may match the same name in another script from this length,
    #: when all of it is there (Putin/Путина, Lars/Լարսի): one spelling, not a near one.
    min_script_variant_len: int = 4
    #: Score of a mention through a ``related`` term rather than an alias.
    related_score: float = 70.0
    #: Multi-word aliases must find all their content words within this many words...
    window: int = 12
    #: ...and within this many words per word of the alias: "blockade of the Lachin corridor"
    #: (5 words) answers "Lachin corridor blockade", "Suriyelilerin yurtlarına gönüllü,
    #: güvenli ve onurlu dönüşü" the return of Syrian refugees, but "relations ... the two
    #: countries" across a whole clause is a coincidence. Measured on the annotated samples,
    #: 4 rather than 2 put 4 more one-sided topics in the report and answered 4 more
    #: questions right (for related terms, which are signs rather than names, 2 stays: wider
    #: gave more false answers).
    window_per_word: int = 4
    related_window_per_word: int = 2
    #: The parts of a question may be said this many sentences apart ("... the situation in
    #: Haiti. Kenya will lead the multinational security support mission."), at a lower score.
    #: Countries alone are named too often for that ("German-Russian relations" needs both in
    #: one sentence), and so are plain words alone ("nuclear energy").
    query_sentences_apart: int = 1
    #: Score of such a mention, as a share of its parts' lowest score.
    apart_score: float = 0.8
    #: Discovered one-sided terms reported per side (``--discover N``); 0 turns discovery off.
    discover: int = 10
    #: At most this many one-sided topics per side in the default report: discovery stops
    #: adding terms when the lexicon has found this many. A reader scans a dozen lines; past
    #: that the list stops being a summary.
    one_sided_budget: int = 12
    #: A discovered term must reach this salience (occurrences weighted by length and
    #: capitalisation) to be reported; single ordinary words below it are noise.
    min_salience: float = 2.0
    #: Two discovered terms are one cluster when rapidfuzz's token_set_ratio reaches this.
    cluster_ratio: float = 88.0
    #: Negation cues count only within this many words before a mention.
    negation_window: int = 5
