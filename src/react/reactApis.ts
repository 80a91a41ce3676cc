// React's and react-redux's functions for the React entry, imported here once. A bundler leaves a
// peer dependency external and writes one import statement of it for every module that imports
// it: importing through one module keeps that to one statement each in a host's bundle. (JSX's
// `react/jsx-runtime` is imported by each .tsx file as the compiler writes it.)
export {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
} from 'react'
export { shallowEqual, useSelector, useStore } from 'react-redux'
