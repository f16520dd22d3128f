// SandboxAPI — see README.md and ../shared/design.md for what this module holds.
