"""Translation quality scores with sacrebleu: chrF and BLEU (tokenize='zh' for Chinese, as sacrebleu
recommends), and post-edit distance (TER, chrF) between stored machine output and the final translation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from appealkit.letters import discover_pairs, load_letter
from appealkit.memory import TranslationMemory, memory_lang

BLEU_TOKENIZER = {"zh": "zh", "ko": "13a"}  # ko-mecab needs MeCab; 13a splits Korean on spaces (eojeol)


@dataclass(frozen=True)
class Score:
    chrf: float
    bleu: float
    signature: str


@dataclass(frozen=True)
class PostEditRow:
    slug: str
    lang: str
    segments: int
    edited: int
    ter: float
    chrf: float


def score_texts(hypotheses: list[str], references: list[str], lang: str) -> Score:
    from sacrebleu.metrics import BLEU, CHRF

    hyp = ["\n".join(hypotheses)] if len(hypotheses) != len(references) else hypotheses
    ref = ["\n".join(references)] if len(hypotheses) != len(references) else references
    bleu = BLEU(tokenize=BLEU_TOKENIZER[lang])
    chrf = CHRF()
    b = bleu.corpus_score(hyp, [ref])
    c = chrf.corpus_score(hyp, [ref])
    return Score(c.score, b.score, f"BLEU {bleu.get_signature()} | chrF {chrf.get_signature()}")


def post_edit_stats(paths: Iterable[Path], memory_path: Path) -> list[PostEditRow]:
    from sacrebleu.metrics import CHRF, TER

    if not Path(memory_path).exists():
        return []
    rows = []
    with TranslationMemory(memory_path) as memory:
        for pair in discover_pairs(paths):
            target = load_letter(pair.target)
            recorded = target.meta.get("segments")
            if not isinstance(recorded, list) or len(recorded) != len(target.paragraphs):
                continue
            machine, final = [], []
            engine = target.meta.get("engine")
            lang = memory_lang(pair.lang, str(engine) if engine else None)
            for record, paragraph in zip(recorded, target.paragraphs):
                output = memory.machine_by_prefix(str(record.get("src", "")) if isinstance(record, dict) else "", lang)
                if output is not None:
                    machine.append(output)
                    final.append(paragraph.text)
            if not machine:
                continue
            edited = sum(1 for m, f in zip(machine, final) if m.strip() != f.strip())
            ter = TER(asian_support=True).corpus_score(machine, [final]).score
            chrf = CHRF().corpus_score(machine, [final]).score
            rows.append(PostEditRow(pair.slug, pair.lang, len(machine), edited, ter, chrf))
    return rows
