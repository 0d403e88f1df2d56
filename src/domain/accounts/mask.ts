/** An identity number shown to a role that does not need it: 0010xxxxxx89 → "0010******89". */
export function maskIdentityNumber(value: string | null): string | null {
  if (value === null) return null
  if (value.length <= 6) return '*'.repeat(value.length)
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 6)}${value.slice(-2)}`
}

/** A phone number: "0912345678" → "091****678". */
export function maskPhone(value: string | null): string | null {
  if (value === null) return null
  if (value.length <= 6) return '*'.repeat(value.length)
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 6)}${value.slice(-3)}`
}
