"""The core's renderers: plugins printing a laid-out document as text, markdown, HTML or PDF."""
