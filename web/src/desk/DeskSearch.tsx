import { Input } from 'antd'
import { useEffect, useState } from 'react'

interface Props {
  value: string
  onSearch: (query: string) => void
}

/** The desk's one search box: a code, a name typed with or without diacritics, an identity or phone number. */
export function DeskSearch({ value, onSearch }: Props) {
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  return (
    <Input.Search
      id="desk-search"
      aria-label="Tìm hồ sơ"
      placeholder="Tìm hồ sơ: mã hồ sơ, tên người nộp (gõ không dấu được), số giấy tờ, số điện thoại"
      allowClear
      enterButton="Tìm"
      maxLength={100}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        // The clear button empties the box: back to the queue.
        if (e.target.value === '' && value !== '') onSearch('')
      }}
      onSearch={(query) => onSearch(query.trim())}
      style={{ maxWidth: 640 }}
    />
  )
}
