export const MIN_PASSWORD_LENGTH = 10

/** The reasons a password is refused, in Vietnamese; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = []
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
  if (password.length > 200) problems.push('mật khẩu quá dài (tối đa 200 ký tự)')
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) problems.push('mật khẩu phải có cả chữ và số')
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('mật khẩu không được chứa tên đăng nhập')
  if (/^(.)\1+$/.test(password)) problems.push('mật khẩu không được lặp một ký tự')
  return problems
}
