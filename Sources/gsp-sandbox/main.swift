// Entry point: all behaviour lives in the commands (see GSPSandboxCommand.swift).
import ArgumentParser
GSPSandboxCommand.main()
