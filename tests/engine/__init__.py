"""Tests of the execution engine (gateway/engine) against graphql-core's own executor."""
