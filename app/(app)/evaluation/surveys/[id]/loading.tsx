export { default } from '@/components/ui/record-loading'
