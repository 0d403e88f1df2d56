import type { Dispatch, SetStateAction } from 'react'

/** Files chosen per component position: what a submission or a supplement sends. */
export type ChosenFiles = Record<number, File>

interface Props {
  id: string
  label: string
  position: number
  required?: boolean
  onChosen: Dispatch<SetStateAction<ChosenFiles>>
}

/** One component's file input (PDF, PNG or JPEG): a chosen file is kept under its position, a cleared input forgets it. */
export function ComponentFileInput({ id, label, position, required = false, onChosen }: Props) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept=".pdf,.png,.jpg,.jpeg" required={required}
        onChange={(e) => {
          const file = e.target.files?.[0]
          onChosen((current) => {
            const next = { ...current }
            if (file) next[position] = file
            else delete next[position]
            return next
          })
        }} />
    </div>
  )
}
