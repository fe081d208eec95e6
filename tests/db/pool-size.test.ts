import { afterEach, describe, expect, it, vi } from "vitest";

const original = process.env.DATABASE_POOL_SIZE;

async function freshEnv(value: string | undefined) {
  if (value === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = value;
  vi.resetModules();
  return (await import("@/env")).env;
}

afterEach(() => {
  if (original === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = original;
  vi.resetModules();
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 20 connections per process and takes a number from the environment", async () => {
    expect((await freshEnv(undefined))().DATABASE_POOL_SIZE).toBe(20);
    expect((await freshEnv(""))().DATABASE_POOL_SIZE).toBe(20);
    expect((await freshEnv("8"))().DATABASE_POOL_SIZE).toBe(8);
  });

  it("refuses what is not a pool size, saying which variable is wrong", async () => {
    for (const bad of ["0", "-3", "2.5", "many", "1000"]) {
      expect((await freshEnv(bad))).toThrow(/Invalid environment: DATABASE_POOL_SIZE/);
    }
  });
});
